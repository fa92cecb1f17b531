export const id = 350;
export const ids = [350];
export const modules = {

/***/ 3350:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   exitSoonAfter: () => (/* binding */ exitSoonAfter),
/* harmony export */   systemTimers: () => (/* binding */ systemTimers)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/** The system clock and timers for the adapters; the pure core only ever sees a Clock. */

const systemTimers = {
    now: () => Date.now(),
    sleep: async (ms, signal) => {
        if (signal?.aborted)
            return;
        try {
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(Math.max(0, ms), undefined, signal ? { signal } : {});
        }
        catch {
            // aborted
        }
    },
};
/**
 * After the watch mode has written its report, outputs and summary and closed its connections:
 * should anything still hold the event loop (a socket a library keeps open), the process exits
 * anyway a moment later instead of idling until the job's timeout. The timer itself holds nothing.
 */
function exitSoonAfter(ms = 2_000) {
    setTimeout(() => process.exit(), ms).unref();
}


/***/ })

};

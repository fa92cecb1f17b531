export const id = 44;
export const ids = [44];
export const modules = {

/***/ 1044:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HOLD_YOUNG_GENERATION: () => (/* binding */ HOLD_YOUNG_GENERATION),
/* harmony export */   holdYoungGeneration: () => (/* binding */ holdYoungGeneration)
/* harmony export */ });
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8877);
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_v8__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The watch is a long-running process that allocates steadily (watch events, target health every
 * poll) and keeps little (~30 MiB live at 1,000 replicas). V8 grows its young generation whenever
 * the bytes surviving scavenges since the last growth exceed its size, which over minutes they
 * always do; since Node 22 it grows up to 2 × 32 MiB, so a 1,000-replica watch peaked at ~185 MiB
 * RSS on Node 24 against ~125 MiB on Node 20 (docs/benchmarks.md). Once the watch's modules are
 * loaded, its young generation stays at the size startup gave it.
 *
 * `--max-semi-space-size` would say this directly but only takes effect at start-up (a Node flag or
 * NODE_OPTIONS, which an action cannot set); the growth factor is read each time the young
 * generation would grow, so setting it here takes effect at once. A Node without the flag prints
 * "unrecognized flag" once; __tests__/watch/heap.test.ts checks that the Node in use has it.
 */

const HOLD_YOUNG_GENERATION = '--semi-space-growth-factor=1';
function holdYoungGeneration() {
    (0,node_v8__WEBPACK_IMPORTED_MODULE_0__.setFlagsFromString)(HOLD_YOUNG_GENERATION);
}


/***/ })

};

export const id = 451;
export const ids = [451];
export const modules = {

/***/ 1451:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runWatch: () => (/* binding */ runWatch)
/* harmony export */ });
// Placeholder until the watch mode lands (issue 3): it must not pretend to pass.
async function runWatch(_settings, _host) {
    return { exitCode: 2, message: 'watch mode is not implemented yet' };
}


/***/ })

};

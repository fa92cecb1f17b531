export const id = 444;
export const ids = [444];
export const modules = {

/***/ 1444:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runValidate: () => (/* binding */ runValidate)
/* harmony export */ });
// Placeholder until the validate mode lands (issue 2): it must not pretend to pass.
async function runValidate(_settings, _host, _io) {
    return { exitCode: 2, message: 'validate mode is not implemented yet' };
}


/***/ })

};

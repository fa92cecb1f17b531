export const id = 267;
export const ids = [267];
export const modules = {

/***/ 5267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runRules: () => (/* binding */ runRules)
/* harmony export */ });
// Placeholder until the rule registry lands (issue 2).
async function runRules(_format, _out) {
    return { exitCode: 2, message: 'rules listing is not implemented yet' };
}


/***/ })

};

export const id = 311;
export const ids = [311];
export const modules = {

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** Kept in step with package.json by __tests__/version.test.ts. */
const VERSION = '1.0.0';


/***/ })

};

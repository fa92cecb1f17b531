export const id = 267;
export const ids = [267];
export const modules = {

/***/ 5267:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runRules: () => (/* binding */ runRules)
/* harmony export */ });
/* harmony import */ var _core_rules_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1516);
/* harmony import */ var _report_rule_docs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3212);
/** `zd-gate rules`: the rule catalogue, from the rules' own metadata. */


function runRules(format, out) {
    if (format === 'json') {
        out.write(`${JSON.stringify(_core_rules_index_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y.map((r) => r.meta), null, 2)}\n`);
        return { exitCode: 0 };
    }
    if (format !== 'markdown' && format !== 'text')
        return { exitCode: 2, message: `--format ${format}: use markdown or json` };
    out.write(`${(0,_report_rule_docs_js__WEBPACK_IMPORTED_MODULE_1__/* .ruleCatalogue */ .EP)(_core_rules_index_js__WEBPACK_IMPORTED_MODULE_0__/* .RULES */ .y)}\n`);
    return { exitCode: 0 };
}


/***/ })

};

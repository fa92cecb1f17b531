export const id = 44;
export const ids = [44];
export const modules = {

/***/ 1044:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   COLLECT_OLD_GENERATION_SOONER: () => (/* binding */ COLLECT_OLD_GENERATION_SOONER),
/* harmony export */   HOLD_YOUNG_GENERATION: () => (/* binding */ HOLD_YOUNG_GENERATION),
/* harmony export */   boundWatchHeap: () => (/* binding */ boundWatchHeap)
/* harmony export */ });
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8877);
/* harmony import */ var node_v8__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_v8__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The watch is a long-running process that allocates steadily (watch events, target health every
 * poll) and keeps little (~20 MiB live at 1,000 replicas). Left to its defaults, V8 trades that
 * for memory twice:
 *
 * - It grows the young generation whenever the bytes surviving scavenges since the last growth
 *   exceed its size, which over minutes they always do; since Node 22 up to 2 × 32 MiB, so a
 *   1,000-replica watch peaked at ~185 MiB RSS on Node 24 against ~125 MiB on Node 20
 *   (docs/benchmarks.md). Once the watch's modules are loaded, its young generation stays at the
 *   size start-up gave it (`--semi-space-growth-factor=1`).
 * - It lets the old generation grow to a multiple of what survived the last full collection
 *   before it collects again (the factor comes from GC and allocation speed, up to 4). What a watch
 *   promotes is mostly short-lived: the DescribeTargetHealth response bodies (~0.5 MiB each at
 *   1,000 targets) survive the scavenges that run while their XML is parsed, and with them their
 *   ArrayBuffers; they wait for a full collection that a 1,000-replica watch reached only after
 *   70 s, at 37 MiB old space and 12 MiB of buffers. A growing factor of 1.1
 *   (`--heap-growing-percent=10`; V8 still adds at least 8 MiB) collects them every few polls.
 *
 * `--max-semi-space-size` and `--max-old-space-size` only take effect at start-up (a Node flag or
 * NODE_OPTIONS, which an action cannot set); these two are read each time V8 sizes a generation,
 * so setting them here takes effect at once. A Node without a flag prints "unrecognized flag"
 * once; __tests__/watch/heap.test.ts checks that the Node in use has both and that they act.
 */

const HOLD_YOUNG_GENERATION = '--semi-space-growth-factor=1';
const COLLECT_OLD_GENERATION_SOONER = '--heap-growing-percent=10';
function boundWatchHeap() {
    (0,node_v8__WEBPACK_IMPORTED_MODULE_0__.setFlagsFromString)(HOLD_YOUNG_GENERATION);
    (0,node_v8__WEBPACK_IMPORTED_MODULE_0__.setFlagsFromString)(COLLECT_OLD_GENERATION_SOONER);
}


/***/ })

};

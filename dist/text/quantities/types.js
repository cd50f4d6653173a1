"use strict";
// Quantity extraction: the public result types, Quantity and QuantityKind (re-exported by index.ts).
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=types.js.map
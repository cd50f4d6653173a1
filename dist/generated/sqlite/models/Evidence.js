"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=Evidence.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=app-deps.js.map
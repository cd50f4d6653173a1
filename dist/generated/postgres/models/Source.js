"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=Source.js.map
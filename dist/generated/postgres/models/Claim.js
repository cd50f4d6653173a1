"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=Claim.js.map
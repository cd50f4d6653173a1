"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=RatingScale.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=Webhook.js.map
"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.createLogger = createLogger;
const pino_1 = __importDefault(require("pino"));
/**
 * The process logger: JSON lines on stdout. API keys never reach the logs: the Authorization
 * header is censored wherever a request is logged.
 */
function createLogger(config, destination) {
    const options = {
        level: config.LOG_LEVEL,
        redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
    };
    return destination ? (0, pino_1.default)(options, destination) : (0, pino_1.default)(options);
}
//# sourceMappingURL=logger.js.map
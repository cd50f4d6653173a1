"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.can = exports.ROLES = void 0;
exports.ROLES = ['viewer', 'checker', 'editor', 'auditor', 'admin'];
/** Who may do what (DESIGN §5). Routes name one of these sets. */
exports.can = {
    read: exports.ROLES,
    write: ['checker', 'editor', 'admin'],
    edit: ['editor', 'admin'],
    audit: ['auditor', 'admin'],
    admin: ['admin'],
};
//# sourceMappingURL=roles.js.map
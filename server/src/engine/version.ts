/** Clauselint's version: the package's (package.json; a test keeps them equal), shown by --version, the language server and the rule links. */
export const VERSION = '0.1.0';

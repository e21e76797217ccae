/** How the suite and run-web.ts agree on the moment to read the Problems panel (no vscode import here). */

/** Said by the suite when the Problems panel shows a contract's findings; run-web.ts then reads the panel. */
export const PROBLEMS_PANEL_READY = 'clauselint-editor-tests: the Problems panel is open';

/**
 * The file run-web.ts writes when it has read the panel and taken its screenshot, relative to the
 * extension folder, which VS Code for the Web serves over HTTP: the suite fetches it.
 */
export const PROBLEMS_PANEL_READ = '.vscode-test/problems-panel-read';

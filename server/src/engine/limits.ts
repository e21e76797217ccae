/** The largest contract Clauselint reads, in the command and in the editor. */
export const MAX_BYTES = 20 * 1024 * 1024;

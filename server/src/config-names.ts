/** The names of Clauselint's configuration files, nearest folder first; no imports, so the web client can take it. */
export const CONFIG_FILES = ['.clauselintrc.json', '.clauselintrc.yaml', '.clauselintrc.yml', 'clauselint.config.json', 'package.json'] as const;

/** A glob that matches every configuration file in a workspace. */
export const CONFIG_GLOB = `**/{${CONFIG_FILES.join(',')}}`;

/**
 * The command's usage text, in the command's language (--lang, else the locale). The entry point prints
 * it (and the version) without loading the engine: `clauselint --help` starts as fast as a bare node.
 */
import { CONTRACT_TYPES, REGIMES, type Language } from '../engine/types.js';

const ENGLISH = `Usage: clauselint [options] [files, folders or globs...]

Checks contract drafts in Markdown (English and Dutch) for missing or weak cybersecurity clauses.

Options:
  --format <name>        stylish (default), json, sarif, github or junit
  --output, -o <file>    write the report to a file instead of the screen
  --config, -c <file>    use this configuration file instead of the nearest one
  --type <type>          contract type: ${CONTRACT_TYPES.join(', ')}
  --regimes <list>       comma-separated: ${REGIMES.join(', ')}
  --lang <en|nl>         the contracts' language (detected when not given)
  --max-warnings <n>     exit 1 when there are more than n warnings
  --quiet                report errors only
  --verbose              with each finding, why it matters and how to fix it (stylish)
  --all                  in folders and globs, check every Markdown file, not only contracts
  --stdin                read the contract from standard input
  --stdin-filename <f>   the name to report (and to find the configuration) for --stdin
  --fix                  insert missing clauses and complete weak phrases, in place; a summary
                         per file goes to standard error
  --fix-dry-run          print the changes --fix would make, as a unified diff, and the
                         suggestions it leaves
  --fix-type <list>      what --fix applies: fix (default: edits that keep every word),
                         suggestion (edits that replace or delete words), or fix,suggestion
  --print-config <file>  print the configuration that applies to a file, as JSON
  --init                 write a commented .clauselintrc.yaml here (asks type and regimes,
                         or takes --type and --regimes)
  --ignore-pattern <g>   do not lint files matching this glob (repeatable); .clauselintignore
                         in the working folder lists more
  --no-ignore            lint ignored files too (.clauselintignore, --ignore-pattern, ignores)
  --color, --no-color    force colour on or off (default: on a terminal, unless NO_COLOR;
                         FORCE_COLOR turns it on)
  --report-unused-disable-directives
                         report disable comments that switch nothing off (as errors)
  --baseline <file>      an earlier run (--format json or sarif): report and count only the
                         findings that are new or changed since (SARIF: all, with baselineState)
  --cache                analyse only files whose text, configuration or Clauselint version
                         changed since the last --cache run (not with --fix)
  --cache-location <p>   the cache file, or a folder for it (default .clauselintcache)
  --concurrency <n>      analyse on n worker threads, auto (one per core) or off (default)
  --version, --help

       clauselint catalogue [--topic <id>] [--lang en|nl]
                         list the clause catalogue, or print the clauses of one topic
       clauselint report [files, folders or globs...] --output report.html
                         a review report for people: scores, the laws' checklists, the clauses
                         to ask for (clauselint report --help)

Folders and globs: only contracts are checked (clauselint front matter, or a configuration file in
their folder or above), as in the editor; files named on the command line are always checked.

Exit codes: 0 no errors (and warnings within --max-warnings), 1 otherwise, 2 usage, configuration or file problem.
`;

const DUTCH = `Gebruik: clauselint [opties] [bestanden, mappen of globpatronen...]

Controleert concepten van overeenkomsten in Markdown (Engels en Nederlands) op ontbrekende of zwakke
bepalingen over cyberbeveiliging.

Opties:
  --format <naam>        stylish (standaard), json, sarif, github of junit
  --output, -o <bestand> schrijf het rapport naar een bestand in plaats van naar het scherm
  --config, -c <bestand> gebruik dit configuratiebestand in plaats van het dichtstbijzijnde
  --type <soort>         soort overeenkomst: ${CONTRACT_TYPES.join(', ')}
  --regimes <lijst>      gescheiden door komma's: ${REGIMES.join(', ')}
  --lang <en|nl>         de taal van de overeenkomsten (herkend als die niet is opgegeven)
  --max-warnings <n>     sluit af met 1 bij meer dan n waarschuwingen
  --quiet                meld alleen fouten
  --verbose              bij elke bevinding waarom die ertoe doet en hoe u die oplost (stylish)
  --all                  controleer in mappen en globpatronen elk Markdown-bestand, niet alleen
                         overeenkomsten
  --stdin                lees de overeenkomst van de standaardinvoer
  --stdin-filename <f>   de naam die wordt gemeld (en waarmee de configuratie wordt gezocht) bij --stdin
  --fix                  voeg ontbrekende bepalingen in en vul zwakke formuleringen aan, in het
                         bestand zelf; een overzicht per bestand gaat naar de standaardfout
  --fix-dry-run          toon de wijzigingen die --fix zou maken, als unified diff, en de
                         suggesties die het laat liggen
  --fix-type <lijst>     wat --fix toepast: fix (standaard: wijzigingen die elk woord laten staan),
                         suggestion (wijzigingen die woorden vervangen of schrappen), of fix,suggestion
  --print-config <best.> toon de configuratie die voor een bestand geldt, als JSON
  --init                 schrijf hier een .clauselintrc.yaml met toelichting (vraagt soort en
                         wetgeving, of neemt --type en --regimes)
  --ignore-pattern <g>   controleer geen bestanden die aan dit globpatroon voldoen (herhaalbaar);
                         .clauselintignore in de werkmap noemt er meer
  --no-ignore            controleer ook genegeerde bestanden (.clauselintignore, --ignore-pattern, ignores)
  --color, --no-color    kleur altijd aan of uit (standaard: op een terminal, tenzij NO_COLOR;
                         FORCE_COLOR zet kleur aan)
  --report-unused-disable-directives
                         meld uitschakelcommentaar dat niets uitschakelt (als fouten)
  --baseline <bestand>   een eerdere uitvoer (--format json of sarif): meld en tel alleen de
                         bevindingen die sindsdien nieuw of gewijzigd zijn (SARIF: alle, met baselineState)
  --cache                analyseer alleen bestanden waarvan de tekst, de configuratie of de versie van
                         Clauselint sinds de vorige --cache is gewijzigd (niet met --fix)
  --cache-location <p>   het cachebestand, of een map ervoor (standaard .clauselintcache)
  --concurrency <n>      analyseer op n threads, auto (een per kern) of off (standaard)
  --version, --help

       clauselint catalogue [--topic <id>] [--lang en|nl]
                         toon de catalogus van bepalingen, of de bepalingen van een onderwerp
       clauselint report [bestanden, mappen of globpatronen...] --output rapport.html
                         een beoordelingsrapport voor mensen: scores, de checklists van de wetten,
                         de bepalingen om te vragen (clauselint report --help)

Mappen en globpatronen: alleen overeenkomsten worden gecontroleerd (clauselint-kopgegevens, of een
configuratiebestand in hun map of daarboven), net als in de editor; bestanden die u op de opdrachtregel
noemt, worden altijd gecontroleerd.

Afsluitcodes: 0 geen fouten (en waarschuwingen binnen --max-warnings), 1 anders, 2 probleem met gebruik,
configuratie of bestand.
`;

export const HELP: Record<Language, string> = { en: ENGLISH, nl: DUTCH };

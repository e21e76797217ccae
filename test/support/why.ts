/** Why a topic got its status: `npx tsx test/support/why.ts FILE TOPIC [TYPE]` prints each sentence that names the topic and its commitment. */
import { readFileSync } from 'node:fs';
import { analyze } from '../../server/src/engine/analyze.js';
import { traceDetection } from '../../server/src/engine/topic-evaluation.js';
import type { ContractType, TopicId } from '../../server/src/engine/types.js';

const [file, topic, type] = process.argv.slice(2);
traceDetection((id, s, c, counted) => {
  if (id === topic) console.log(`${counted ? 'COUNTS ' : 'ignored'} ${c ? `${c.party}-${c.force}` : 'fragment'}: ${s.text.replace(/\s+/g, ' ').slice(0, 160)}`);
});
const result = analyze(readFileSync(file, 'utf8'), type ? { type: type as ContractType } : {});
console.log(`=> ${topic}: ${result.topics[topic as TopicId].status} (type ${result.type})`);

// Authoring aid (not part of the build): adds a BPMN diagram (BPMNDI) to hand-written process XML.
//   cd /tmp/bpmnlayout && npm install bpmn-auto-layout@1.3.0
//   node src/tools/layout-bpmn.mjs processes/x.bpmn   (rewrites the file in place)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(process.env.LAYOUT_MODULES || '/tmp/bpmnlayout/package.json');
const { layoutProcess } = await import(require.resolve('bpmn-auto-layout'));

for (const file of process.argv.slice(2)) {
  const xml = readFileSync(file, 'utf8').replace(/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>\s*/, '');
  writeFileSync(file, await layoutProcess(xml));
  console.log('laid out', file);
}

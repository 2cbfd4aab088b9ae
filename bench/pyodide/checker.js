// The Pyodide checker's worker: loads Pyodide from the npm package served
// beside this page, then checks each answer with checker.py.
importScripts('../pyodide/pyodide.js');

const ready = (async () => {
  const pyodide = await loadPyodide({ indexURL: new URL('../pyodide/', self.location.href).href });
  pyodide.runPython(await (await fetch('checker.py')).text());
  return pyodide;
})();

// Messages are handled in order: each waits for Pyodide, then for the one before it.
let queue = Promise.resolve();
self.onmessage = ({ data }) => {
  queue = queue.then(async () => {
    const pyodide = await ready;
    const call = (name, ...args) => pyodide.globals.get(name)(...args);
    if (data.type === 'tests') {
      call('set_tests', data.tests);
    } else if (data.type === 'submit') {
      const result = call('check', data.code).toJs({ dict_converter: Object.fromEntries });
      self.postMessage({ type: 'verdict', id: data.id, ...result });
    } else if (data.type === 'program') {
      self.postMessage({ type: 'output', id: data.id, output: call('run_program', data.code) });
    }
  });
};

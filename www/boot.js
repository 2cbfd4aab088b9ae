// Starts the app. Trunk inlines this file into index.html (`pattern_script`
// in Trunk.toml), so it costs no request of its own.
//
// On a first visit the app waits until the service worker (sw.js) controls
// the page, which takes a few tens of milliseconds: every file the app and
// its judge worker then load passes through the service worker, which keeps
// that one download as the offline copy instead of downloading the file a
// second time. Later visits are controlled from the start and do not wait,
// nor does a browser without service workers.
//
// Trunk replaces the names of its parameters written in braces anywhere in
// this text, so none of them may appear here.

async function startApp(js, wasm) {
  await serviceWorkerInControl();
  try {
    const { default: init } = await import(js);
    await init({ module_or_path: wasm });
  } finally {
    // Only now does the service worker download the files the page has not
    // asked for, so that they never slow down the ones it needs first.
    navigator.serviceWorker?.controller?.postMessage('app-started');
  }
}

/** Resolves once the service worker controls the page, or as soon as it is clear that it will not. */
function serviceWorkerInControl() {
  const container = navigator.serviceWorker;
  if (!container || !window.isSecureContext || container.controller) return Promise.resolve();
  return new Promise((resolve) => {
    container.addEventListener('controllerchange', () => resolve(), { once: true });
    // Never hold the app back for long: at worst its files are downloaded twice.
    setTimeout(resolve, 4000);
    container.register('sw.js').then(
      (registration) => {
        const active = registration.active;
        // A worker that finished activating before this page loaded (the page
        // was hard-reloaded) never takes it over. One that is still on its way
        // does, when it activates (sw.js claims the open pages), unless it fails.
        if (container.controller || (active && active.state === 'activated')) {
          resolve();
          return;
        }
        const coming = registration.installing || registration.waiting || active;
        coming?.addEventListener('statechange', () => {
          if (coming.state === 'redundant') resolve();
        });
      },
      () => resolve(),
    );
  });
}

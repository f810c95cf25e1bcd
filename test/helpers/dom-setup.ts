// Real IndexedDB semantics in the DOM project, without a browser.
import 'fake-indexeddb/auto';

// IndexedDB for unit tests of the people store (the real one exists only in browsers).
import 'fake-indexeddb/auto';

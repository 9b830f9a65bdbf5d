// `make serve`: serves dist/ on http://127.0.0.1:8080/ until stopped.
import { startServer } from './static-server.mjs';

const root = process.argv[2] || 'dist';
const port = Number(process.argv[3] || 8080);
const { url } = await startServer({ root, port });
console.log(`treatment-guide: serving ${root}/ at ${url} (Ctrl+C to stop)`);

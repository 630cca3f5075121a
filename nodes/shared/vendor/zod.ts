// The only door to zod. The build bundles this file into dist, because n8n does not promise
// zod to an installed community package and the package has no runtime dependencies.
export { z } from 'zod';

/** The path prefix of the public ethics reporting channel, which the HTTP platform serves without a session. */
export const PUBLIC_ETHICS_PREFIX = '/api/v1/public/ethics/';

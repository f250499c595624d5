// A real OpenID Provider (the certified `oidc-provider` package) for tests, run as its own
// process because the package is ESM-only. Configuration comes as JSON in OIDC_TEST_CONFIG:
// {port, clients:[{client_id, client_secret, redirect_uris}], accounts:{id:{claims}}}.
// No login form: the account that signs in next is chosen by the test
// (POST /test/next-account {"accountId", "claims"?}; claims add or replace that account), and
// consent is given at once. Everything else —
// discovery, PKCE, state, nonce, signed ID tokens, one-time codes — is the library's own.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const config = JSON.parse(process.env.OIDC_TEST_CONFIG ?? '{}');
// A provider whose clock is off (clockOffsetSeconds < 0: behind) issues ID tokens whose
// iat/exp are off by as much: how a test gets an ID token that has expired on arrival.
if (config.clockOffsetSeconds) {
  const realNow = Date.now;
  Date.now = () => realNow() + config.clockOffsetSeconds * 1000;
}
const issuer = `http://127.0.0.1:${config.port}`;
let nextAccount = null;

const provider = new Provider(issuer, {
  clients: config.clients,
  findAccount: (_ctx, id) =>
    config.accounts[id]
      ? { accountId: id, claims: () => ({ sub: id, ...config.accounts[id] }) }
      : undefined,
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    // citizen_id: a national ID number, as an identity provider of citizens releases it.
    profile: ['name', 'preferred_username', 'citizen_id'],
  },
  features: { devInteractions: { enabled: false } },
  pkce: { required: () => true },
  ttl: { IdToken: config.idTokenTtlSeconds ?? 3600 },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ['dx-test-oidc-cookie-key'] },
});
// Loopback http: the issuer is not https, which the library otherwise refuses for cookies.
provider.proxy = true;

async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    if (!nextAccount) throw new Error('no account chosen: POST /test/next-account first');
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId: nextAccount } },
      { mergeWithLastSubmission: false },
    );
  }
  const grant = new provider.Grant({
    accountId: details.session.accountId,
    clientId: details.params.client_id,
  });
  grant.addOIDCScope(String(details.params.scope));
  const grantId = await grant.save();
  return provider.interactionFinished(
    req,
    res,
    { consent: { grantId } },
    { mergeWithLastSubmission: true },
  );
}

const callback = provider.callback();
const server = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/test/next-account') {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const { accountId, claims } = JSON.parse(body);
      if (claims) config.accounts[accountId] = claims;
      nextAccount = accountId;
      res.writeHead(204).end();
    });
    return;
  }
  if (req.url?.startsWith('/interaction/')) {
    interaction(req, res).catch((err) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err?.message ?? err));
    });
    return;
  }
  callback(req, res);
});
server.listen(config.port, '127.0.0.1', () => process.stdout.write(`listening ${issuer}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are code samples the rules read, not templates.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/adapters/gates/scanner/rules.ts';

/** Made-up credentials, assembled at run time so this file holds no secret-shaped string. */
const join = (...parts: string[]): string => parts.join('');
const AWS = join('AKIA', 'Q3EGRTZ7KX2M4PLN');
const GHP = join('ghp_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8');
const PAT = join('github_', 'pat_', '11ABCDEFG0', 'abcdefghijklmnopqrstuv_wxyz0123456789');
const XOXB = join('xox', 'b-', '1234567890-0987654321-AbCdEfGhIjKlMnOp');
const XAPP = join('xa', 'pp-1-', 'A0123456789-1234567890-abcdef');
const HOOK = join('https://hooks.', 'slack.com/services/', 'T0123ABCD/', 'B0123ABCD/', 'abcdEFGHijklMNOP1234');
const OPENAI = join('sk-', 'proj-', 'Ab3dEf6hIj9lMn2pQr5tUv8x');
const OPENAI_OLD = join('sk-', 'a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8');
const STRIPE = join('sk_', 'live_', '4eC39HqLyjWDarjtT1zdp7dc');
const GOOGLE = join('AI', 'za', 'SyD-1a2b3c4d5e6f7g8h9i0jKLMNOPQRSTU');
const PEM = join('-----BEGIN ', 'RSA PRIVATE KEY', '-----');
const PEM_PKCS8 = join('-----BEGIN ', 'PRIVATE KEY', '-----');

type Case = string | [text: string, path: string];
interface Row {
  readonly id: string;
  readonly hits: readonly Case[];
  readonly misses: readonly Case[];
}

const TABLE: readonly Row[] = [
  {
    id: 'SL-SECRET-AWS',
    hits: [`aws_access_key_id = ${AWS}`, `"${AWS}"`, [`# old key ${AWS}`, 'notes.md']],
    misses: [join('AKIA', 'IOSFODNN7', 'EXAMPLE'), 'AKIAXXXXXXXXXXXXXXXX', `X${AWS}`, join('AKIA', 'Q3EGRTZ7KX2M4PL')],
  },
  {
    id: 'SL-SECRET-GITHUB',
    hits: [`token: ${GHP}`, `GH_TOKEN=${PAT}`, join('gho_', 'Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2')],
    misses: ['ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'ghp_short', 'const ghp_token = process.env.TOKEN'],
  },
  {
    id: 'SL-SECRET-SLACK',
    hits: [`SLACK_BOT_TOKEN=${XOXB}`, `appToken: '${XAPP}'`, `url = "${HOOK}"`],
    misses: ['xoxb-your-token-here', 'SLACK_BOT_TOKEN=xoxb-', 'xoxz-1234567890-abcdef'],
  },
  {
    id: 'SL-SECRET-OPENAI',
    hits: [`OPENAI_API_KEY=${OPENAI}`, `api_key="${OPENAI_OLD}"`],
    misses: [
      'sk-your-key-here',
      'class="sk-spinner-double-bounce-container"',
      'task-abcdefghijklmnopqrstuvwxyzabcdefgh',
    ],
  },
  {
    id: 'SL-SECRET-STRIPE',
    hits: [`stripe.api_key = "${STRIPE}"`],
    misses: [join('sk_', 'test_', '4eC39HqLyjWDarjtT1zdp7dc'), 'sk_live_xxxxxxxxxxxxxxxxxxxx'],
  },
  {
    id: 'SL-SECRET-GOOGLE',
    hits: [`const key = '${GOOGLE}';`],
    misses: ['AIzaSyExampleExampleExampleExample12345', `${GOOGLE}x`],
  },
  {
    id: 'SL-SECRET-PEM',
    hits: [[PEM, 'deploy/key.pem'], `key: "${PEM_PKCS8}\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC"`, `  ${PEM}  `],
    misses: [`if (pem.startsWith('${PEM_PKCS8}')) {`, '-----BEGIN PUBLIC KEY-----', '-----BEGIN CERTIFICATE-----'],
  },
  {
    id: 'SL-SECRET-ASSIGN',
    hits: [
      'const dbPassword = "Tr0ub4dor&3x";',
      'password="hunter22"',
      '  "client_secret": "9f8e7d6c5b4a3210",',
      "SECRET_KEY = 'django-insecure-5v$1k'",
      ['DB_PASSWORD=s3cr3tPass', '.env'],
      ['  password: s3cr3tPass', 'config/database.yml'],
    ],
    misses: [
      'password = ""',
      'password = process.env.DB_PASSWORD',
      'const password = `${prefix}-x`;',
      'password: "<your-password>"',
      'password = "changeme"',
      'password: "password"',
      'placeholder="Enter your password"',
      'passwordMinLength = "8"',
      'if password == "hunter22":',
      'token: "{{ .Values.token }}"',
      ['DB_PASSWORD=s3cr3tPass', '.env.example'],
      ['DB_PASSWORD=s3cr3tPass', 'src/app.ts'],
      ['  password: ${DB_PASSWORD}', 'config/database.yml'],
    ],
  },
  {
    id: 'SL-TLS-OFF',
    hits: [
      'const agent = new https.Agent({ rejectUnauthorized: false });',
      "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';",
      'NODE_TLS_REJECT_UNAUTHORIZED=0 node app.js',
      'requests.get(url, verify=False)',
      'ctx = ssl._create_unverified_context()',
      'tls.Config{InsecureSkipVerify: true}',
      'curl -k https://internal/api',
      'curl -sSk https://internal/api',
      'RUN curl --insecure -o x https://x',
      'wget --no-check-certificate https://x',
      'git config --global http.sslVerify false',
      'request({ url, strictSSL: false })',
    ],
    misses: [
      'rejectUnauthorized: true',
      'requests.get(url, verify=True)',
      'tls.Config{InsecureSkipVerify: false}',
      'curl -sS https://internal/api',
      'curl -o kernel.tgz https://x',
      '// rejectUnauthorized: false is never allowed',
      ['Never set `rejectUnauthorized: false`.', 'docs/security.md'],
      'jwt.decode(token, verify=False)',
    ],
  },
  {
    id: 'SL-EXEC-EVAL',
    hits: [
      'eval(req.body.code)',
      'const f = new Function("a", body);',
      'window.eval(userInput)',
      'vm.runInNewContext(src, sandbox)',
      ['exec(compile(source, "x", "exec"))', 'tool.py'],
      ['result = eval(expr)', 'calc.py'],
      'eval(`${a} + 1`)',
    ],
    misses: [
      'eval("1 + 1")',
      'const evaluate = (x) => x;',
      'regex.exec(line)',
      'model.eval()',
      "new Function('return 1')",
    ],
  },
  {
    id: 'SL-EXEC-SHELL',
    hits: [
      'child_process.exec(`git log ${branch}`)',
      "cp.execSync('rm -rf ' + dir)",
      'exec(command, (err) => {})',
      ['os.system(cmd)', 'ops.py'],
      ['subprocess.run(f"tar xf {name}", shell=True)', 'ops.py'],
      ['out = subprocess.getoutput(cmd)', 'ops.py'],
      'spawn(cmd, args, { shell: true })',
    ],
    misses: [
      "child_process.exec('ls -la')",
      'execFile("git", ["log", branch])',
      ['subprocess.run(["tar", "xf", name])', 'ops.py'],
      ['subprocess.run("make build", shell=True)', 'ops.py'],
      'const m = /x/.exec(s)',
      'exec.Command("git", "log")',
      'spawn(cmd, args, { shell: false })',
    ],
  },
  {
    id: 'SL-SQL-INJECTION',
    hits: [
      'db.query("SELECT * FROM users WHERE id = " + id)',
      "db.query('DELETE FROM sessions WHERE token = \\'' + token + \"'\")",
      "db.query(`SELECT name FROM users WHERE email = '${email}'`)",
      ['cur.execute(f"SELECT * FROM users WHERE name = \'{name}\'")', 'repo.py'],
      ['cur.execute("UPDATE users SET name = \'%s\'" % name)', 'repo.py'],
      ['cur.execute("INSERT INTO t VALUES ({})".format(v))', 'repo.py'],
      ['q := fmt.Sprintf("SELECT * FROM users WHERE id = %s", id)', 'repo.go'],
      'prisma.$queryRawUnsafe(query)',
    ],
    misses: [
      'db.query("SELECT * FROM users WHERE id = ?", [id])',
      "db.query('SELECT * FROM users WHERE id = $1', [id])",
      'sql`SELECT * FROM users WHERE id = ${id}`',
      'Prisma.sql`SELECT * FROM users WHERE id = ${id}`',
      'label = "select an option " + name',
      'const q = "SELECT * FROM users" + " WHERE active"',
      "prisma.$queryRawUnsafe('SELECT 1')",
    ],
  },
  {
    id: 'SL-CORS-ANY',
    hits: [
      "res.setHeader('Access-Control-Allow-Origin', '*')",
      'add_header Access-Control-Allow-Origin *;',
      "res.set('Access-Control-Allow-Origin', req.headers.origin)",
      "app.use(cors({ origin: '*', credentials: true }))",
      '  origin: true,',
      ['CORS_ALLOW_ALL_ORIGINS = True', 'settings.py'],
    ],
    misses: [
      "res.setHeader('Access-Control-Allow-Origin', 'https://app.example.com')",
      "app.use(cors({ origin: ['https://app.example.com'] }))",
      'const originalValue = true;',
    ],
  },
  {
    id: 'SL-PERM-WORLD',
    hits: [
      'chmod 777 /srv/app',
      'RUN chmod -R 0777 /data',
      'chmod o+w secrets.txt',
      'chmod a+rwx run.sh',
      ['os.chmod(path, 0o777)', 'setup.py'],
      'fs.mkdirSync(dir, { mode: 0o777 })',
      'fs.writeFileSync(p, data, { mode: 0o666 })',
      ['os.umask(0)', 'setup.py'],
    ],
    misses: [
      'chmod 755 run.sh',
      'chmod u+x run.sh',
      'chmod go-w file',
      'fs.chmodSync(p, 0o644)',
      'const port = 0777;',
      'umask 022',
    ],
  },
  {
    id: 'SL-XSS-HTML',
    hits: [
      '<div dangerouslySetInnerHTML={{ __html: props.bio }} />',
      'el.innerHTML = userInput;',
      "el.insertAdjacentHTML('beforeend', row)",
      'document.write(location.hash)',
      '<div v-html="comment.body"></div>',
    ],
    misses: [
      "<div dangerouslySetInnerHTML={{ __html: '<br/>' }} />",
      "el.innerHTML = '';",
      'if (el.innerHTML === x) {}',
      'el.textContent = userInput;',
    ],
  },
  {
    id: 'SL-CSRF-OFF',
    hits: [
      ['@csrf_exempt', 'views.py'],
      ['WTF_CSRF_ENABLED = False', 'config.py'],
      'http.csrf().disable();',
      'http.csrf(csrf -> csrf.disable())',
      'http.csrf(AbstractHttpConfigurer::disable)',
      ['  skip_before_action :verify_authenticity_token', 'app/controllers/api_controller.rb'],
      'const app = new App({ csrf: false })',
    ],
    misses: ['app.use(csrf())', ['WTF_CSRF_ENABLED = True', 'config.py'], 'csrfToken: token'],
  },
  {
    id: 'SL-CRYPTO-WEAK-HASH',
    hits: [
      "const hash = crypto.createHash('md5').update(password).digest('hex');",
      ['hashed = hashlib.sha1(pwd.encode()).hexdigest()', 'auth.py'],
      'String digest = DigestUtils.md5Hex(userPassword);',
    ],
    misses: [
      "const etag = crypto.createHash('md5').update(body).digest('hex');",
      "crypto.createHash('sha256').update(password)",
    ],
  },
  {
    id: 'SL-RANDOM-INSECURE',
    hits: [
      'const token = Math.random().toString(36).slice(2);',
      ['reset_code = random.randint(100000, 999999)', 'auth.py'],
    ],
    misses: [
      'const jitter = Math.random() * 100;',
      "const token = crypto.randomBytes(32).toString('hex');",
      ['x = secrets.token_hex(16)', 'a.py'],
    ],
  },
  {
    id: 'SL-JWT-NOVERIFY',
    hits: [
      "jwt.verify(token, key, { algorithms: ['none'] })",
      ['jwt.decode(token, options={"verify_signature": False})', 'auth.py'],
      ['payload = jwt.decode(token, verify=False)', 'auth.py'],
    ],
    misses: [
      "jwt.verify(token, key, { algorithms: ['RS256'] })",
      ['jwt.decode(token, key, algorithms=["HS256"])', 'auth.py'],
    ],
  },
  {
    id: 'SL-DESERIALIZE',
    hits: [
      ['data = pickle.loads(request.body)', 'api.py'],
      ['cfg = yaml.load(text)', 'cfg.py'],
      ['cfg = yaml.load(text, Loader=yaml.Loader)', 'cfg.py'],
      ['cfg = yaml.unsafe_load(text)', 'cfg.py'],
      ['model = torch.load(path)', 'ml.py'],
      'ObjectInputStream in = new ObjectInputStream(socket.getInputStream());',
      'const obj = serialize.unserialize(req.cookies.profile)',
    ],
    misses: [
      ['cfg = yaml.safe_load(text)', 'cfg.py'],
      ['cfg = yaml.load(text, Loader=yaml.SafeLoader)', 'cfg.py'],
      ['const cfg = yaml.load(text)', 'cfg.ts'],
      ['model = torch.load(path, weights_only=True)', 'ml.py'],
      ['data = json.loads(body)', 'api.py'],
    ],
  },
];

const ruleById = new Map(RULES.map((r) => [r.id, r]));
const asCase = (c: Case): [string, string] => (typeof c === 'string' ? [c, 'src/app.ts'] : c);
const hits = TABLE.flatMap((row) => row.hits.map((c) => [row.id, ...asCase(c)] as const));
const misses = TABLE.flatMap((row) => row.misses.map((c) => [row.id, ...asCase(c)] as const));

describe('scanner rules', () => {
  it('has a unique id for every rule, and a table row for each', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(TABLE.map((r) => r.id).sort()).toEqual([...ids].sort());
    for (const row of TABLE) expect(row.hits.length * row.misses.length, row.id).toBeGreaterThan(0);
  });

  it.each(hits)('%s fires on %j (%s)', (id, text, path) => {
    expect(ruleById.get(id)?.test(text, path)).toEqual(expect.any(String));
  });

  it.each(misses)('%s stays quiet on %j (%s)', (id, text, path) => {
    expect(ruleById.get(id)?.test(text, path)).toBeNull();
  });

  it.each([AWS, GHP, PAT, XOXB, XAPP, OPENAI, OPENAI_OLD, STRIPE, GOOGLE, 'Tr0ub4dor&3x'])(
    'never repeats the secret %#',
    (secret) => {
      const text = `const value = "${secret}"; const password = "${secret}";`;
      const messages = RULES.map((r) => r.test(text, 'src/a.ts')).filter((m) => m !== null);
      expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) {
        expect(message).not.toContain(secret);
        expect(message).not.toContain(secret.slice(0, Math.ceil(secret.length / 2)));
      }
    },
  );
});

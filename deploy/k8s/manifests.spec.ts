import { envSchema } from '@dx/config';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

// Offline checks of the Kubernetes manifests: each object against the Kubernetes JSON
// schemas (kubernetes-models), the overlay as `kubectl kustomize` renders it, and the
// configuration: every variable the app's schema knows is given to every pod.

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  [key: string]: unknown;
}

const BASE = join(__dirname, 'base');
/** Top-level fields of a Kustomization that kustomize v2.0 (kubectl 1.14–1.20) knows. */
const KUSTOMIZE_V2_FIELDS = [
  'apiVersion',
  'kind',
  'namespace',
  'namePrefix',
  'nameSuffix',
  'commonLabels',
  'commonAnnotations',
  'bases',
  'resources',
  'images',
  'patchesStrategicMerge',
  'patchesJson6902',
  'configMapGenerator',
  'secretGenerator',
  'generatorOptions',
  'vars',
];
const OVERLAY = join(__dirname, 'overlays/example');

function kustomize(dir: string): K8sObject[] {
  const out = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
  return parseAllDocuments(out).map((d) => d.toJS() as K8sObject);
}

/** Throws with the schema's complaint when `obj` is not a valid object of its kind. */
function validate(obj: K8sObject): void {
  const group = obj.apiVersion; // "v1", "apps/v1", "networking.k8s.io/v1"…
  const models = require(`kubernetes-models/${group}`) as Record<
    string,
    new (o: unknown) => { validate(): void }
  >;
  const Model = models[obj.kind];
  if (!Model) throw new Error(`${group} ${obj.kind} is not a Kubernetes kind`);
  new Model(obj).validate();
}

const byKind = (objs: K8sObject[], kind: string, name: string) => {
  const found = objs.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found as K8sObject & Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
};

describe.each([
  ['base', BASE],
  ['example overlay', OVERLAY],
])('Kubernetes manifests: %s', (_name, dir) => {
  const objects = kustomize(dir);

  it("keeps to the kustomize v2 fields that Debian's kubectl (1.20) renders", () => {
    // A newer kubectl (CI's) renders `labels:` or `patches:` too; Debian's cannot, and that is
    // the one a fresh machine's bootstrap installs (kubernetes-client).
    const fields = Object.keys(
      parseAllDocuments(readFileSync(join(dir, 'kustomization.yaml'), 'utf8'))[0].toJS(),
    );
    expect(fields.filter((f) => !KUSTOMIZE_V2_FIELDS.includes(f))).toEqual([]);
  });

  it('renders and every object is valid against the Kubernetes schemas', () => {
    expect(objects.length).toBeGreaterThanOrEqual(12);
    for (const obj of objects) {
      expect(() => validate(obj)).not.toThrow();
    }
  });

  it('gives every configuration variable to every pod, secrets only in the Secret', () => {
    const config = Object.keys(byKind(objects, 'ConfigMap', 'dx-config').data);
    const secret = Object.keys(byKind(objects, 'Secret', 'dx-secrets').stringData);
    const known = Object.keys(envSchema.describe().keys ?? {});
    expect(known.filter((k) => !config.includes(k) && !secret.includes(k))).toEqual([]);
    expect(config.filter((k) => secret.includes(k))).toEqual([]);
    for (const k of [...config, ...secret]) expect(known).toContain(k);
    for (const k of ['JWT_SECRET', 'CERT_SIGNING_KEY', 'DATABASE_URL', 'REDIS_URL', 'STORAGE_URL'])
      expect(secret).toContain(k);
    const pods = objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Job');
    for (const pod of pods.filter((p) => p.metadata.name !== 'dx-web')) {
      const containers = (pod as any).spec.template.spec.containers; // eslint-disable-line @typescript-eslint/no-explicit-any
      for (const c of containers) {
        expect(c.envFrom).toEqual([
          { configMapRef: { name: 'dx-config' } },
          { secretRef: { name: 'dx-secrets' } },
        ]);
      }
    }
  });

  it('keeps the API ready only with its dependencies, and alive through a database outage', () => {
    const api = byKind(objects, 'Deployment', 'dx-api').spec.template.spec.containers[0];
    expect(api.readinessProbe.httpGet.path).toBe('/api/health');
    // /api/health answers 503 while PostgreSQL is away: liveness must not use it.
    expect(api.livenessProbe.httpGet).toBeUndefined();
    expect(api.livenessProbe.tcpSocket).toBeDefined();
    expect(
      api.livenessProbe.periodSeconds * api.livenessProbe.failureThreshold,
    ).toBeGreaterThanOrEqual(60);
    const hpa = byKind(objects, 'HorizontalPodAutoscaler', 'dx-api');
    expect(hpa.spec.metrics[0].resource.name).toBe('cpu');
    expect(byKind(objects, 'PodDisruptionBudget', 'dx-api').spec.minAvailable).toBe(1);
    expect(byKind(objects, 'Job', 'dx-migrate').spec.template.spec.containers[0].command).toEqual([
      'node',
      'dist/apps/api/apps/api/src/migrate.js',
    ]);
    const ingress = byKind(objects, 'Ingress', 'dx-academy');
    expect(ingress.spec.tls[0].hosts).toEqual([ingress.spec.rules[0].host]);
  });
});

describe('the example overlay', () => {
  it('pins images, sets the namespace and keeps the host in TLS, rules and PUBLIC_BASE_URL', () => {
    const objects = kustomize(OVERLAY);
    for (const o of objects.filter((x) => x.kind !== 'Namespace'))
      expect((o.metadata as { namespace?: string }).namespace).toBe('dx-academy');
    const api = byKind(objects, 'Deployment', 'dx-api');
    expect(api.spec.template.spec.containers[0].image).toBe(
      'registry.example.gov.vn/dx-academy/api:2026.12.1',
    );
    const ingress = byKind(objects, 'Ingress', 'dx-academy');
    expect(ingress.spec.rules[0].host).toBe('hoctap.cds.gov.vn');
    expect(ingress.spec.tls[0].hosts).toEqual(['hoctap.cds.gov.vn']);
    expect(byKind(objects, 'ConfigMap', 'dx-config').data.PUBLIC_BASE_URL).toBe(
      'https://hoctap.cds.gov.vn',
    );
    expect(byKind(objects, 'HorizontalPodAutoscaler', 'dx-api').spec.minReplicas).toBe(8);
  });

  it('the schema check catches a broken object', () => {
    const broken = { ...byKind(kustomize(BASE), 'Deployment', 'dx-api') };
    broken.spec = { ...broken.spec, replicas: 'two' };
    expect(() => validate(broken)).toThrow(/replicas must be integer/);
  });
});

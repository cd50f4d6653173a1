/**
 * The shape of src/ (docs/decisions/0006-one-way-features.md), checked by `npm run lint`:
 * no import circles, shared layers below the features, features in one direction.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const SERVICE = '[^/]+\\.service\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: the modules in it cannot be read, tested or changed one at a time.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-layers-below-features',
      severity: 'error',
      comment: 'core/, db/, http/, write-path/ and text/ serve every feature, so they import none.',
      from: { path: '^src/(core|db|http|write-path|text)/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'core-stands-alone',
      severity: 'error',
      comment: 'core/ (AppError, Actor, roles) is the bottom layer.',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'repositories-below-services',
      severity: 'error',
      comment: 'A repository is data access: it never calls a service or a route.',
      from: { path: '\\.repository\\.ts$' },
      to: { path: '\\.(service|routes)\\.ts$' },
    },
    {
      name: 'services-below-routes',
      severity: 'error',
      from: { path: '\\.(service|repository|views|schemas)\\.ts$' },
      to: { path: '\\.routes\\.ts$' },
    },
    {
      name: 'features-one-way',
      severity: 'error',
      comment:
        'Features are layered: workspaces, rating-scales, auth < articles, sources < claims < evidence, reviews. ' +
        'A lower feature reads a higher one through its repository and views, never its service.',
      from: { path: '^src/modules/(workspaces|rating-scales|auth|articles|sources)/' },
      to: { path: `^src/modules/(articles|sources|claims|evidence|reviews)/${SERVICE}`, pathNot: '^src/modules/$1/' },
    },
    {
      name: 'claims-below-evidence-and-reviews',
      severity: 'error',
      from: { path: '^src/modules/claims/' },
      to: { path: `^src/modules/(evidence|reviews)/${SERVICE}` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};

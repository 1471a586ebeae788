// Libraries that check an application's configuration (its environment variables) when it starts,
// and what a call to them looks like. Used by the config-validation extractor; adding a library is
// one entry here.

export interface ConfigValidator {
  id: string;
  title: string;
  /** Package names; subpaths match too. */
  modules: readonly string[];
  /** Imported names (or members of the imported module) whose call validates the configuration; `default` for the module itself. */
  calls: readonly string[];
  /** Only a call with an object argument holding one of these properties counts (Nest's ConfigModule). */
  requiredOption?: readonly string[];
}

export const CONFIG_VALIDATORS: readonly ConfigValidator[] = [
  { id: 'envalid', title: 'envalid', modules: ['envalid'], calls: ['cleanEnv', 'customCleanEnv'] },
  { id: 't3-env', title: '@t3-oss/env', modules: ['@t3-oss/env-core', '@t3-oss/env-nextjs', '@t3-oss/env-nuxt'], calls: ['createEnv'] },
  { id: 'znv', title: 'znv', modules: ['znv'], calls: ['parseEnv'] },
  { id: 'env-var', title: 'env-var', modules: ['env-var'], calls: ['get', 'from'] },
  { id: 'dotenv-safe', title: 'dotenv-safe', modules: ['dotenv-safe'], calls: ['config', 'default'] },
  { id: 'convict', title: 'convict', modules: ['convict'], calls: ['default'] },
  {
    id: 'nestjs-config',
    title: '@nestjs/config with a validation schema',
    modules: ['@nestjs/config'],
    calls: ['forRoot'],
    requiredOption: ['validationSchema', 'validate'],
  },
];

/**
 * Method names of schema libraries (zod, valibot, yup, joi, superstruct, Ajv, typia, arktype) that
 * validate their argument: `EnvSchema.parse(process.env)`, `v.parse(Schema, process.env)`.
 */
export const SCHEMA_VALIDATE_METHODS: ReadonlySet<string> = new Set([
  'parse',
  'safeParse',
  'parseAsync',
  'safeParseAsync',
  'validate',
  'validateSync',
  'assert',
  'create',
  'cast',
  'decode',
  'assertEquals',
]);

// Platforms that run code from a known folder of the repository in a runtime of their own: the
// environment variables they set for that code, and whether its console output is the platform's log.

interface PlatformRuntime {
  id: string;
  /** "Supabase Edge Functions", as shown in a report. */
  title: string;
  /** Repository paths of the code the platform runs. */
  folder: RegExp;
  /** Variables the platform sets for that code by itself: nobody has to configure them. */
  providedVariables: ReadonlySet<string>;
  /** console.* output is collected per invocation, with its level, as the platform's log. */
  consoleIsLog: boolean;
}

const PLATFORM_RUNTIMES: readonly PlatformRuntime[] = [
  {
    id: 'supabase-edge-functions',
    title: 'Supabase Edge Functions',
    folder: /(^|\/)supabase\/functions\//,
    providedVariables: new Set(['SUPABASE_URL', 'SUPABASE_ANON_KEY', 'SUPABASE_SERVICE_ROLE_KEY', 'SUPABASE_DB_URL']),
    consoleIsLog: true,
  },
];

/** The platform that runs the file at this path, if a known one does. */
export function platformRuntimeOf(path: string): PlatformRuntime | undefined {
  return PLATFORM_RUNTIMES.find((runtime) => runtime.folder.test(path));
}

/**
 * Whether `.dockerignore` keeps a context path out of the build: Docker's rules, as far as this
 * repository uses them (`*`, `**`, `?`, `!` exceptions; the last matching line wins; excluding a
 * folder excludes what is inside it).
 */
export function dockerIgnores(dockerignore: string): (contextPath: string) => boolean {
  const rules = dockerignore
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const exception = line.startsWith('!');
      const pattern = (exception ? line.slice(1) : line).replace(/^\/+|\/+$/g, '');
      return { exception, matches: new RegExp(`^${globToRegExp(pattern)}$`) };
    });
  return (contextPath) => {
    const parts = contextPath.replace(/^\.?\/+/, '').split('/');
    const prefixes = parts.map((_, index) => parts.slice(0, index + 1).join('/'));
    let ignored = false;
    for (const rule of rules) if (prefixes.some((prefix) => rule.matches.test(prefix))) ignored = !rule.exception;
    return ignored;
  };
}

function globToRegExp(pattern: string): string {
  return pattern
    .split(/(\*\*\/?|\*|\?)/)
    .map((part) => {
      if (part === '**/') return '(?:.*/)?';
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      if (part === '?') return '[^/]';
      return part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
}

import type { ContentProblem } from "./contentProblem.ts";

/**
 * A GitHub Actions workflow command (`::error file=…,line=…,title=…::message`): shown on the
 * file and line in a pull request's diff and in the run summary. Escaped as GitHub's
 * toolkit does (@actions/core command.ts): `%`, CR and LF everywhere, and `:` and `,` in the
 * properties too.
 */
export function formatGithubAnnotation({ file, line, field, message, severity }: ContentProblem): string {
  const property = (value: string) => escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
  return `::${severity} file=${property(file)},line=${line},title=${property(field)}::${escapeData(message)}`;
}

function escapeData(value: string): string {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

// A cited source. Only an https address becomes a link; anything else stays plain text, so a bad
// record can never put a javascript: or http: link in front of the reader.
import type { SourceView } from '../rules/card-model';

function isSafeUrl(url: string): boolean {
  return url.startsWith('https://');
}

export function SourceLink({ source }: { source: SourceView }) {
  const text = source.publisher || source.title;
  if (!isSafeUrl(source.url)) return <span class="cl-source">{text}</span>;
  return (
    <a class="cl-source" href={source.url} target="_blank" rel="noopener noreferrer" title={source.title}>
      {text}
    </a>
  );
}

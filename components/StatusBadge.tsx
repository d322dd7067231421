// A destination's status as a coloured badge whose text carries the meaning (colour only helps).
import type { ComponentChildren } from 'preact';
import type { StatusCode } from '../rules/schema';

export function StatusBadge({ status, label }: { status: StatusCode; label: ComponentChildren }) {
  return (
    <span class={`cl-badge cl-badge--${status}`} data-status={status}>
      {label}
    </span>
  );
}

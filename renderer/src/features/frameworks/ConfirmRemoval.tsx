import { useEffect, useId, useRef, type ReactNode } from 'react';

/** The confirm step before a removal that takes other things with it; the message takes focus so it is read first. */
export function ConfirmRemoval(props: { message: ReactNode; confirmLabel: string; context: string; onConfirm(): void; onCancel(): void }) {
  const { message, confirmLabel, context, onConfirm, onCancel } = props;
  const id = useId();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="confirm-removal" role="group" aria-labelledby={id}>
      <p id={id} ref={ref} tabIndex={-1}>
        {message}
      </p>
      <div className="button-group">
        <button type="button" className="button-warning" onClick={onConfirm}>
          {confirmLabel}
          <span className="visually-hidden"> {context}</span>
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel<span className="visually-hidden"> removing {context}</span>
        </button>
      </div>
    </div>
  );
}

import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
}

/** A visible label and an optional hint, tied to the control by id and aria-describedby. */
function Field({ label, hint, control }: FieldProps & { control(id: string, describedBy: string | undefined): ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {control(id, hint ? `${id}-hint` : undefined)}
    </div>
  );
}

export const TextField = ({ label, hint, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) => (
  <Field label={label} hint={hint} control={(id, describedBy) => <input id={id} aria-describedby={describedBy} {...input} />} />
);

export const TextArea = ({ label, hint, ...area }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) => (
  <Field label={label} hint={hint} control={(id, describedBy) => <textarea id={id} aria-describedby={describedBy} {...area} />} />
);

export const SelectField = ({ label, hint, children, ...select }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) => (
  <Field
    label={label}
    hint={hint}
    control={(id, describedBy) => (
      <select id={id} aria-describedby={describedBy} {...select}>
        {children}
      </select>
    )}
  />
);

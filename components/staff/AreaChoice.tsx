import { SelectField } from "@/components/forms/Fields";

/** Which of the caseworker's areas a form is for: a choice when they have several, else the one area, hidden. */
export function AreaChoice({
  areas,
  label,
  value,
  errors,
}: {
  areas: { id: string; name: string }[];
  label: string;
  value: string;
  errors?: string[];
}) {
  if (areas.length <= 1) return <input type="hidden" id="serviceAreaId" name="serviceAreaId" value={areas[0]?.id ?? ""} />;
  return (
    <SelectField name="serviceAreaId" label={label} defaultValue={value} errors={errors}>
      {areas.map((a) => (
        <option key={a.id} value={a.id}>
          {a.name}
        </option>
      ))}
    </SelectField>
  );
}

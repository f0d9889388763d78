import { findField, type FieldDef } from '@fazhi/domain';
import type { FormSection, PluginResource } from '../../plugin.js';

export interface ResolvedSection extends Omit<FormSection, 'fields'> {
  fields: FieldDef[];
}

/**
 * The form's sections: `formSections` in order, then any field they leave out in one last group,
 * so a field added to the kind later is never silently missing from the form.
 */
export function formSectionsOf(resource: PluginResource, otherTitle: string): ResolvedSection[] {
  const kind = resource.kind;
  const declared = resource.formSections ?? [{ title: '', fields: kind.fields.map((f) => f.key) }];
  const used = new Set<string>();
  const out: ResolvedSection[] = declared.map((s) => {
    const fields: FieldDef[] = [];
    for (const f of s.fields.map((k) => findField(kind, k))) {
      // A field appears once, in the first section naming it.
      if (!f || used.has(f.key)) continue;
      fields.push(f);
      used.add(f.key);
    }
    return { ...s, fields };
  });
  const rest = kind.fields.filter((f) => !used.has(f.key));
  if (rest.length) out.push({ title: otherTitle, fields: rest });
  return out.filter((s) => s.fields.length);
}

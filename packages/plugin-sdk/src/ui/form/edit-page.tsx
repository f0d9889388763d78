import type { RecordPageProps } from '../../plugin.js';
import { RecordForm } from './record-form.js';

export default function RecordEditPage(props: RecordPageProps) {
  return <RecordForm {...props} action="edit" />;
}

import type { RecordPageProps } from '../../plugin.js';
import { RecordForm } from './record-form.js';

export default function RecordCreatePage(props: RecordPageProps) {
  return <RecordForm {...props} action="create" />;
}

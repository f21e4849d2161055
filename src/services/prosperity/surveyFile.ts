/** Reads and checks a survey file (prosperity/*.yaml): problems as `file:line: field: reason`, nothing loaded. */
import { parseSurvey, type SurveyDefinition } from '../../domain/prosperity/survey';
import { DataFileError, readYamlFile } from '../yamlFile';

export async function readSurveyFile(file: string): Promise<{ survey: SurveyDefinition; hash: string }> {
  const yaml = await readYamlFile(file);
  const r = parseSurvey(yaml.data);
  if (!r.ok) throw new DataFileError(file, yaml.locate(r.issues));
  return { survey: r.survey, hash: yaml.hash };
}

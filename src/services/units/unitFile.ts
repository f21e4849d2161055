/** Reads and checks a unit file (measurement-units/*.yaml format), reporting problems as file:line: field: reason. */
import { parseUnitFile } from '../../domain/unit/schema';
import type { Unit } from '../../domain/unit/units';
import { DataFileError, readYamlFile, type YamlFile } from '../yamlFile';

export async function readUnitFile(file: string): Promise<{ units: Unit[]; yaml: YamlFile }> {
  const yaml = await readYamlFile(file);
  const result = parseUnitFile(yaml.data);
  if (!result.ok) throw new DataFileError(file, yaml.locate(result.issues));
  return { units: result.units, yaml };
}

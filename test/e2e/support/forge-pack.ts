import { ed25519 } from '@noble/curves/ed25519.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { openEnvelope, passphraseKey, readHeader, sealEnvelope } from '../../../electron/core/exchange/envelope';
import { publicKeyText, signingKeyFrom, signPack } from '../../../electron/core/exchange/pack-signing';

/**
 * What someone holding a pack and its passphrase can make on another computer: the same contents, sealed
 * under the same passphrase, signed by that computer's own key. Written next to the genuine pack.
 */
export async function packSignedElsewhere(genuinePath: string, passphrase: string): Promise<string> {
  const genuine = readFileSync(genuinePath);
  const { version: _v, nonce: _n, keyCheck: _k, ...header } = readHeader('evaluator-pack', genuine);
  const key = await passphraseKey(passphrase, header.kdf!);
  const payload = openEnvelope('evaluator-pack', genuine, key, 1024 * 1024 * 1024);
  const elsewhere = signingKeyFrom(ed25519.utils.randomSecretKey());
  const forged = signPack(sealEnvelope('evaluator-pack', { ...header, signer: publicKeyText(elsewhere.publicKey) }, key, payload), elsewhere);
  const path = genuinePath.replace(/\.capack$/, '-signed-elsewhere.capack');
  writeFileSync(path, forged);
  return path;
}

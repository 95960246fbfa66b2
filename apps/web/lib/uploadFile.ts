/** Upload as stored by the API's POST /uploads. */
export interface UploadedFile {
  id: string;
  bytes: number;
}

/**
 * Sends a file to the API's POST /uploads with the session cookie and resolves with the
 * upload's id. XMLHttpRequest, unlike fetch, reports the progress of a request body, which
 * onProgress receives as the share sent, from 0 to 1.
 */
export function uploadFile(
  apiUrl: string,
  name: string,
  body: Blob,
  onProgress: (fraction: number) => void,
): Promise<UploadedFile> {
  const url = new URL("/uploads", apiUrl);
  url.searchParams.set("name", name);

  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.withCredentials = true;
    request.responseType = "json";
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded / event.total);
      }
    });
    request.addEventListener("load", () => {
      const result = request.response as (UploadedFile & { error?: string }) | null;
      if (request.status === 201 && result !== null) {
        resolve({ id: result.id, bytes: result.bytes });

        return;
      }

      reject(new Error(result?.error ?? `the upload failed with HTTP ${request.status}`));
    });
    request.addEventListener("error", () => {
      reject(new Error(`the upload failed: the API at ${url.origin} could not be reached`));
    });
    request.send(body);
  });
}

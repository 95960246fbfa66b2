"use client";

import { useMutation } from "@apollo/client/react";
import { SignInDocument } from "@ree/schema/documents";
import { type FormEvent, useState } from "react";

import { ApiErrorAlert } from "./ApiErrorAlert";

/** Email and password; on success the API sets the session cookie and the overview opens. */
export function SignInForm() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [signIn, { loading, error }] = useMutation(SignInDocument);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { data } = await signIn({ variables: { email, password } }).catch(() => ({
      data: undefined,
    }));
    if (data?.signIn) {
      // A full load, so that every query runs again as the signed-in user.
      window.location.assign("/");
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Sign in">
      <label>
        Email
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
      </label>
      <label>
        Password
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      <button type="submit" disabled={loading}>
        Sign in
      </button>
      {error ? <ApiErrorAlert error={error} lead="Could not sign in:" /> : null}
    </form>
  );
}

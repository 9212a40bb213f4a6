//! The README's "Using the client" examples, compiled by `tests/prism.rs`
//! against the client generated from authentik 2025.12.6 (as an example of
//! the exercise crate), so they cannot drift from the generated API.

use std::time::Duration;

use authentik_api::models::{CoreUsersListParams, PatchedProxyProviderRequest, UserRequest};
use authentik_api::{Client, Error, ErrorBody, Nullable};
use futures_util::TryStreamExt;

fn configure(token: &str, my_reqwest_client: reqwest::Client) -> Result<Client, Error> {
    Client::builder("https://authentik.example.com/api/v3")
        .bearer_token(token)
        .timeout(Duration::from_secs(30))
        .user_agent("provisioner/2.1")
        .default_header("X-Request-Source", "ci")
        .http_client(my_reqwest_client)
        .build()
}

async fn create(client: &Client) -> Result<(), Box<dyn std::error::Error>> {
    let mut user = UserRequest::new("jdoe".into(), "Jane Doe".into());
    user.email = Some("jdoe@example.com".into());
    let created = client.core_users_create(&user).await?;
    println!("created {}", created.pk);
    Ok(())
}

async fn patch_with_null(client: &Client) -> Result<(), Error> {
    let change = PatchedProxyProviderRequest {
        authentication_flow: Nullable::Null,
        external_host: Some("https://grafana.example.com".into()),
        ..Default::default()
    };
    client.providers_proxy_partial_update(7, Some(&change)).await?;
    Ok(())
}

async fn list_all(client: &Client) -> Result<(), Error> {
    let params = CoreUsersListParams {
        is_active: Some(true),
        page_size: Some(100),
        ..Default::default()
    };
    let users: Vec<_> = client.core_users_list_stream(&params).try_collect().await?;
    println!("{} users", users.len());
    let mut users = std::pin::pin!(client.core_users_list_stream(&params));
    while let Some(user) = users.try_next().await? {
        println!("{}", user.username);
    }
    Ok(())
}

async fn handle_validation_error(
    client: &Client,
    user: &UserRequest,
) -> Result<(), Box<dyn std::error::Error>> {
    match client.core_users_create(user).await {
        Ok(user) => println!("created {}", user.pk),
        Err(Error::Api { status: 400, body, .. }) => {
            if let ErrorBody::ValidationError(invalid) = *body {
                for (field, problems) in &invalid.additional_properties {
                    eprintln!("{field}: {problems}");
                }
            }
        }
        Err(error) => return Err(error.into()),
    }
    Ok(())
}

fn main() {
    // Compiled, not run: naming each example is enough.
    let _ = (configure, create, patch_with_null, list_all, handle_validation_error);
}
